namespace Voucherify.Functions.Hosting;

public sealed class KeyOptions
{
    public string AppId { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;
}
