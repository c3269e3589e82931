namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>A typed view of the test bodies' one field.</summary>
public sealed record StateOnly(string? State);
