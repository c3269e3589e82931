namespace Voucherify.Core.Projects;

/// <summary>Who is calling: the project the key belongs to and what the key may do.</summary>
public sealed record Caller(Project Project, KeyRole Role, string KeyId);
