namespace Voucherify.DevHost;

/// <summary>
/// Dev keys and the store path for a machine with no configuration at all; the README's curl
/// examples use exactly these. Configuration (appsettings, environment, command line) overrides them.
/// </summary>
public static class DevDefaults
{
    public const string ProjectId = "proj_dev";
    public const string AppId = "dev-app-id";
    public const string AppToken = "dev-app-token";
    public const string ClientId = "dev-client-id";
    public const string ClientToken = "dev-client-token";

    public static IEnumerable<KeyValuePair<string, string?>> For(IConfiguration configuration)
    {
        if (configuration.GetSection("Voucherify:Projects").GetChildren().Any())
        {
            return [];
        }

        return new Dictionary<string, string?>
        {
            ["Voucherify:Projects:0:Id"] = ProjectId,
            ["Voucherify:Projects:0:Name"] = "Development",
            ["Voucherify:Projects:0:TimeZone"] = "UTC",
            ["Voucherify:Projects:0:ServerKeys:0:AppId"] = AppId,
            ["Voucherify:Projects:0:ServerKeys:0:Token"] = AppToken,
            ["Voucherify:Projects:0:ClientKeys:0:AppId"] = ClientId,
            ["Voucherify:Projects:0:ClientKeys:0:Token"] = ClientToken,
        };
    }
}
