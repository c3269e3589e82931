using System.Text.Json.Nodes;
using Voucherify.Core.Orders;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;
using Voucherify.Core.Validations;

namespace Voucherify.Core.Redemptions;

/// <summary>
/// A redemption that carries an order creates or updates it: before the use is taken the order is upserted (status
/// as sent, else PAID; linked to the customer), so a refused order stops the redemption before it counts; an order
/// named by id or source_id without lines is redeemed on its stored lines. After the record is written the order
/// gets the discounts and its <c>redemptions</c> entry.
/// </summary>
public sealed class OrderRecorder(OrderService orders, IDocumentStore store)
{
    private static readonly string[] CalculatedFields =
    [
        "amount", "initial_amount", "discount_amount", "items_discount_amount", "total_discount_amount", "total_amount",
        "applied_discount_amount", "items_applied_discount_amount", "total_applied_discount_amount", "items",
    ];

    // The wire leaves a zero discount out; the stored order may still hold the null it was created with, which the
    // calculated order cannot be read back from, so a zero is written.
    private static readonly HashSet<string> ZeroWhenAbsent =
    [
        "discount_amount", "items_discount_amount", "total_discount_amount",
        "applied_discount_amount", "items_applied_discount_amount", "total_applied_discount_amount",
    ];

    public async Task<VoucherValidationRequest> UpsertAsync(Project project, VoucherValidationRequest request, CancellationToken cancellationToken)
    {
        if (request.Order is null)
        {
            return request;
        }

        var raw = DocumentJson.ToBody(request.Order);
        raw["status"] ??= OrderStatuses.Paid;
        if (request.Customer?["id"] is JsonValue customerId)
        {
            raw["customer_id"] = customerId.DeepClone();
        }

        var stored = await orders.UpsertAsync(project, raw, cancellationToken);
        return request with { Order = stored.Read<OrderRequest>() };
    }

    /// <summary>
    /// Runs after the redemption is recorded, when its use is taken and counted: a failure here must not turn a
    /// redemption that happened into an error the client would retry, so it leaves the order as it was (the record
    /// names the order by id).
    /// </summary>
    public async Task<Redemption> LinkAsync(Project project, Redemption redemption, CancellationToken cancellationToken)
    {
        if (Link(project, redemption) is not { } link)
        {
            return redemption;
        }

        try
        {
            var result = await store.PatchAsync(link.Key, link.Operations, link.Conditions, cancellationToken);
            return result.Document is { } order ? Linked(redemption, order) : redemption;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return redemption;
        }
    }

    /// <summary>The patch that gives the order the redemption's discounts and its <c>redemptions</c> entry; null without an order.</summary>
    /// <remarks>Needs only what is known before the use is taken (the order as calculated, the id, date and related object).</remarks>
    public static AtomicPatch? Link(Project project, Redemption redemption)
    {
        if (redemption.Order?.Id is not { } orderId)
        {
            return null;
        }

        var calculated = DocumentJson.ToBody(redemption.Order);
        var operations = CalculatedFields
            .Where(name => calculated.ContainsKey(name) || ZeroWhenAbsent.Contains(name))
            .Select(name => PatchOperation.Set(name, calculated[name]?.DeepClone() ?? JsonValue.Create(0)))
            .Append(PatchOperation.Set($"redemptions.{redemption.Id}", new JsonObject
            {
                ["date"] = DocumentJson.ToNode(redemption.Date),
                ["related_object_type"] = redemption.RelatedObjectType,
                ["related_object_id"] = redemption.RelatedObjectId,
                ["stacked"] = new JsonArray(),
            }))
            .ToList();
        return new AtomicPatch(OrderKeys.For(project, orderId), operations);
    }

    public static Redemption Linked(Redemption redemption, StoredDocument order) => redemption with { Order = order.Read<OrderCalculated>() };
}
