using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>
/// A document as the store holds it: the JSON body (snake_case, as on the wire) plus the
/// system properties every document carries. ETag changes on every write.
/// </summary>
public sealed record StoredDocument(
    DocumentKey Key,
    JsonObject Body,
    string ETag,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
