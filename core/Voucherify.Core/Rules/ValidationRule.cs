using System.Text.Json.Nodes;
using Voucherify.Core.Errors;

namespace Voucherify.Core.Rules;

/// <summary>A validation rule as the contract shows it; the stored document is this object, its rule document kept as sent.</summary>
public sealed record ValidationRule
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public JsonObject Rules { get; init; } = [];

    public JsonObject? BundleRules { get; init; }

    public ApiErrorMessage? Error { get; init; }

    public ApplicableTo ApplicableTo { get; init; } = new();

    public string Type { get; init; } = "expression";

    public string ContextType { get; init; } = "global";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public long AssignmentsCount { get; init; }

    public string Object { get; init; } = "validation_rules";
}
