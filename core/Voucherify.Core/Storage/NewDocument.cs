using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>A document to create or replace; the store assigns etag and timestamps.</summary>
public sealed record NewDocument(DocumentKey Key, JsonObject Body);
