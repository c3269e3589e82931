namespace Voucherify.Functions.Hosting;

/// <summary>One project as configured (Voucherify:Projects:N:...).</summary>
public sealed class ProjectOptions
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>IANA or Windows time zone id; time limits are evaluated in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    public List<KeyOptions> ServerKeys { get; set; } = [];

    public List<KeyOptions> ClientKeys { get; set; } = [];
}
