using System.Text.Json.Nodes;

namespace Voucherify.Core.Customers;

/// <summary>A customer as POST and PUT /v1/customers (and an embedded customer in a redemption) send it.</summary>
public sealed record CustomerRequest
{
    public static readonly IReadOnlyList<string> Fields = ["name", "description", "email", "phone", "birthday", "birthdate", "address", "metadata"];

    public string? Id { get; init; }

    public string? SourceId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Birthday { get; init; }

    public string? Birthdate { get; init; }

    public CustomerAddress? Address { get; init; }

    public JsonObject? Metadata { get; init; }
}
