using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>
/// A document as the store holds it: the JSON body (snake_case, as on the wire) plus the
/// system properties every document carries. ETag changes on every write. The store also writes
/// CreatedAt and UpdatedAt into the body as <c>created_at</c> and <c>updated_at</c>
/// (see <see cref="DocumentTimestamps"/>), overwriting whatever the caller put there.
/// </summary>
public sealed record StoredDocument(
    DocumentKey Key,
    JsonObject Body,
    string ETag,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
