namespace Voucherify.Functions.Health;

public sealed record HealthStatus(string Status);
