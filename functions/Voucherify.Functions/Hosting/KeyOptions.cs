namespace Voucherify.Functions.Hosting;

public sealed class KeyOptions
{
    public string AppId { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    /// <summary>Client keys only: origins (scheme://host[:port]) allowed to use the key; empty allows any.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
