namespace Voucherify.Functions.Http;

/// <summary>A request body the pipeline has already read and checked (UTF-8, JSON syntax, depth, object or array at the top).</summary>
internal sealed record ReadBody(byte[] Bytes);
