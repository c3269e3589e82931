using System.Text.Json.Nodes;

namespace Voucherify.Core.Vouchers;

/// <summary>Empty until validation rules exist; the shape is the contract's list so SDKs parse it.</summary>
public sealed record ValidationRulesAssignments
{
    public string Object { get; init; } = "list";

    public string DataRef { get; init; } = "data";

    public IReadOnlyList<JsonObject> Data { get; init; } = [];

    public long Total { get; init; }
}
