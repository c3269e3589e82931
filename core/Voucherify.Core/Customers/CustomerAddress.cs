using System.Text.Json.Serialization;

namespace Voucherify.Core.Customers;

public sealed record CustomerAddress
{
    public string? City { get; init; }

    public string? State { get; init; }

    [JsonPropertyName("line_1")]
    public string? Line1 { get; init; }

    [JsonPropertyName("line_2")]
    public string? Line2 { get; init; }

    public string? Country { get; init; }

    public string? PostalCode { get; init; }
}
