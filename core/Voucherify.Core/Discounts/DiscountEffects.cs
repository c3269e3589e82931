namespace Voucherify.Core.Discounts;

/// <summary>The contract's discount <c>effect</c> values and which type allows which (the *VouchersEffectTypes enums).</summary>
public static class DiscountEffects
{
    public const string ApplyToOrder = "APPLY_TO_ORDER";
    public const string ApplyToItems = "APPLY_TO_ITEMS";
    public const string ApplyToItemsProportionally = "APPLY_TO_ITEMS_PROPORTIONALLY";
    public const string ApplyToItemsProportionallyByQuantity = "APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY";
    public const string ApplyToItemsByQuantity = "APPLY_TO_ITEMS_BY_QUANTITY";
    public const string AddMissingItems = "ADD_MISSING_ITEMS";
    public const string AddNewItems = "ADD_NEW_ITEMS";
    public const string AddManyItems = "ADD_MANY_ITEMS";

    private static readonly string[] AmountEffects =
    [
        ApplyToOrder, ApplyToItems, ApplyToItemsProportionally, ApplyToItemsProportionallyByQuantity, ApplyToItemsByQuantity,
    ];

    private static readonly string[] OrderOrItems = [ApplyToOrder, ApplyToItems];

    private static readonly string[] UnitEffects = [AddMissingItems, AddNewItems, AddManyItems];

    /// <summary>A single entry of ADD_MANY_ITEMS cannot itself be ADD_MANY_ITEMS.</summary>
    public static IReadOnlyList<string> UnitEntryEffects { get; } = [AddNewItems, AddMissingItems];

    public static IReadOnlyList<string> AllowedFor(string type) => type switch
    {
        DiscountTypes.Amount => AmountEffects,
        DiscountTypes.Percent or DiscountTypes.Fixed => OrderOrItems,
        DiscountTypes.Unit => UnitEffects,
        _ => [],
    };

    /// <summary>
    /// SEMANTICS §5 "Defaults": UNIT falls back to ADD_MISSING_ITEMS (PROPOSAL); AMOUNT and PERCENT hit the
    /// items only when the rules name products. FIXED keeps its documented meaning, a new order total, because
    /// on items it needs a new price from the rules that a definition without an effect does not promise.
    /// </summary>
    public static string DefaultFor(string type, bool rulesTargetProducts) => type switch
    {
        DiscountTypes.Unit => AddMissingItems,
        DiscountTypes.Amount or DiscountTypes.Percent when rulesTargetProducts => ApplyToItems,
        _ => ApplyToOrder,
    };
}
