using System.Text.Json.Nodes;

namespace Voucherify.Functions.Http;

/// <summary>A request body the pipeline has already read and parsed: its bytes (for idempotency fingerprints) and its JSON (null when empty).</summary>
internal sealed record ReadBody(byte[] Bytes, JsonNode? Node);
