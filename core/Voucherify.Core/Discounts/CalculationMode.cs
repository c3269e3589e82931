namespace Voucherify.Core.Discounts;

/// <summary>
/// SEMANTICS R12.2: what a PERCENT discount is a percentage of once other discounts apply. Project or category
/// configuration; the contract has no wire field for it.
/// </summary>
public enum CalculationMode
{
    /// <summary>The current total or line subtotal (the default, as the examples show).</summary>
    Discounted,

    /// <summary>The order or line amount before discounts.</summary>
    Initial,
}
