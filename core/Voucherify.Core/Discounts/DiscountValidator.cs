using Voucherify.Core.Errors;

namespace Voucherify.Core.Discounts;

/// <summary>
/// Checks a discount definition against the contract's variants. A value may be left out when its
/// formula is given, because the formula's evaluation supplies it and the value is only its fallback.
/// </summary>
internal static class DiscountValidator
{
    public static void Validate(Discount discount)
    {
        RequireKnownType(discount.Type);
        RequireAllowedEffect(discount);
        RequireNonNegative(discount);
        switch (discount.Type)
        {
            case DiscountTypes.Amount:
                RequireValue(discount.AmountOff, discount.AmountOffFormula, "amount_off", discount.Type);
                break;
            case DiscountTypes.Percent:
                ValidatePercent(discount);
                break;
            case DiscountTypes.Fixed:
                ValidateFixed(discount);
                break;
            default:
                ValidateUnit(discount);
                break;
        }
    }

    private static void RequireKnownType(string? type)
    {
        if (type is null || !DiscountTypes.All.Contains(type))
        {
            throw Problems.InvalidPayload(
                $"discount.type '{type}' is not supported; expected one of {string.Join(", ", DiscountTypes.All)}.");
        }
    }

    private static void RequireAllowedEffect(Discount discount)
    {
        var allowed = DiscountEffects.AllowedFor(discount.Type);
        if (discount.Effect is { } effect && !allowed.Contains(effect))
        {
            throw Problems.InvalidPayload(
                $"discount.effect '{effect}' is not allowed for {Named(discount.Type)} discount; expected one of {string.Join(", ", allowed)}.");
        }
    }

    private static void RequireNonNegative(Discount discount)
    {
        NotNegative(discount.AmountOff, "amount_off");
        NotNegative(discount.PercentOff, "percent_off");
        NotNegative(discount.AmountLimit, "amount_limit");
        NotNegative(discount.AggregatedAmountLimit, "aggregated_amount_limit");
        NotNegative(discount.FixedAmount, "fixed_amount");
        NotNegative(discount.UnitOff, "unit_off");
    }

    private static void ValidatePercent(Discount discount)
    {
        RequireValue(discount.PercentOff, discount.PercentOffFormula, "percent_off", discount.Type);
        if (discount.PercentOff > 100m)
        {
            throw Problems.InvalidPayload($"discount.percent_off must be between 0 and 100, got {discount.PercentOff}.");
        }
    }

    /// <summary>FIXED on items takes the new unit price from the rule's applicable_to, so its fixed_amount may be absent.</summary>
    private static void ValidateFixed(Discount discount)
    {
        if (discount.Effect != DiscountEffects.ApplyToItems)
        {
            RequireValue(discount.FixedAmount, discount.FixedAmountFormula, "fixed_amount", discount.Type);
        }
    }

    private static void ValidateUnit(Discount discount)
    {
        var many = discount.Effect == DiscountEffects.AddManyItems || (discount.Effect is null && discount.Units is not null);
        if (!many)
        {
            ValidateSingleUnit(discount);
            return;
        }

        if (discount.Units is not { Count: > 0 } units)
        {
            throw Problems.InvalidPayload("discount.units must list at least one unit for an ADD_MANY_ITEMS discount.");
        }

        for (var index = 0; index < units.Count; index++)
        {
            ValidateUnitEntry(units[index], $"discount.units[{index}]");
        }
    }

    private static void ValidateSingleUnit(Discount discount)
    {
        if (discount.Units is not null)
        {
            throw Problems.InvalidPayload("discount.units is only allowed with effect ADD_MANY_ITEMS.");
        }

        RequireUnit(discount.UnitOff, discount.UnitOffFormula, discount.UnitType, "discount");
    }

    private static void ValidateUnitEntry(DiscountUnitEntry? entry, string path)
    {
        if (entry is null)
        {
            throw Problems.InvalidPayload($"{path} must be an object.");
        }

        if (entry.Effect is { } effect && !DiscountEffects.UnitEntryEffects.Contains(effect))
        {
            throw Problems.InvalidPayload(
                $"{path}.effect '{effect}' is not allowed; expected one of {string.Join(", ", DiscountEffects.UnitEntryEffects)}.");
        }

        NotNegative(entry.UnitOff, "unit_off", path);
        RequireUnit(entry.UnitOff, entry.UnitOffFormula, entry.UnitType, path);
    }

    private static void RequireUnit(decimal? unitOff, string? formula, string? unitType, string path)
    {
        if (string.IsNullOrWhiteSpace(unitType))
        {
            throw Problems.InvalidPayload($"{path}.unit_type is required for a UNIT discount.");
        }

        if (unitOff is null && formula is null)
        {
            throw Problems.InvalidPayload($"{path}.unit_off is required for a UNIT discount.");
        }

        if (unitOff is { } units && units != decimal.Truncate(units))
        {
            throw Problems.InvalidPayload($"{path}.unit_off must be a whole number of units, got {units}.");
        }
    }

    private static void RequireValue<T>(T? value, string? formula, string field, string type)
        where T : struct
    {
        if (value is null && formula is null)
        {
            throw Problems.InvalidPayload($"discount.{field} is required for {Named(type)} discount.");
        }
    }

    private static void NotNegative(long? value, string field)
    {
        if (value < 0)
        {
            throw Problems.InvalidPayload($"discount.{field} must not be negative, got {value}.");
        }
    }

    private static void NotNegative(decimal? value, string field, string path = "discount")
    {
        if (value < 0m)
        {
            throw Problems.InvalidPayload($"{path}.{field} must not be negative, got {value}.");
        }
    }

    private static string Named(string type) => type == DiscountTypes.Amount ? "an AMOUNT" : $"a {type}";
}
