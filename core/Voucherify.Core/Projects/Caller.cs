namespace Voucherify.Core.Projects;

/// <summary>Who is calling: the project the key belongs to and what the key may do.</summary>
public sealed record Caller(Project Project, KeyRole Role, string KeyId)
{
    /// <summary>For client keys: the browser origins allowed to use the key; empty allows any.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];
}
