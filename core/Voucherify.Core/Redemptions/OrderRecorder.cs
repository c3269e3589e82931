using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Json;
using Voucherify.Core.Orders;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;
using Voucherify.Core.Validations;

namespace Voucherify.Core.Redemptions;

/// <summary>
/// A redemption that carries an order creates or updates it: before the use is taken the order is upserted (status
/// as sent, else PAID; linked to the customer), so a refused order stops the redemption before it counts; an order
/// named by id or source_id without lines is redeemed on its stored lines. After the record is written the order
/// gets the discounts and its <c>redemptions</c> entry. On a store with transactions a new order is checked first and
/// created in the redemption's own transaction, already linked, or with the failure's record: one write fewer, and
/// the order still exists after a refused redemption, as it does on the other path.
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

    /// <summary>
    /// Upserts the order the request carries and names the stored order in the request. With
    /// <paramref name="deferNew"/>, a new order (neither id nor source_id) is only prepared, and its create is returned
    /// for the caller to commit with the redemption (<see cref="LinkedCreate"/>), or on its own when the redemption fails.
    /// </summary>
    public async Task<(VoucherValidationRequest Request, NewDocument? Create)> UpsertAsync(Project project, VoucherValidationRequest request, bool deferNew, CancellationToken cancellationToken)
    {
        if (request.Order is null)
        {
            return (request, null);
        }

        var raw = DocumentJson.ToBody(request.Order);
        raw["status"] ??= OrderStatuses.Paid;
        if (request.Customer?["id"] is JsonValue customerId)
        {
            raw["customer_id"] = customerId.DeepClone();
        }

        if (!deferNew)
        {
            return (request with { Order = (await orders.UpsertAsync(project, raw, cancellationToken)).Read<OrderRequest>() }, null);
        }

        var (stored, create) = await orders.UpsertOrPrepareAsync(project, raw, cancellationToken);
        var order = stored?.Read<OrderRequest>() ?? create!.Body.Deserialize<OrderRequest>(Wire.Options)!;
        return (request with { Order = order }, create);
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
    public static AtomicPatch? Link(Project project, Redemption redemption) =>
        redemption.Order?.Id is { } orderId
            ? new AtomicPatch(OrderKeys.For(project, orderId), [.. LinkFields(redemption).Select(field => PatchOperation.Set(field.Path, field.Value))])
            : null;

    /// <summary>A prepared order's create with what <see cref="Link"/> would set already in it: one write instead of two.</summary>
    public static AtomicCreate LinkedCreate(NewDocument create, Redemption redemption)
    {
        var fields = LinkFields(redemption).ToList();
        return new AtomicCreate(create.Key, _ =>
        {
            var body = create.Body.DeepClone().AsObject();
            foreach (var (path, value) in fields)
            {
                var dot = path.IndexOf('.', StringComparison.Ordinal);
                var parent = dot < 0 ? body : (JsonObject)(body[path[..dot]] ??= new JsonObject());
                parent[dot < 0 ? path : path[(dot + 1)..]] = value.DeepClone();
            }

            return body;
        });
    }

    private static IEnumerable<(string Path, JsonNode Value)> LinkFields(Redemption redemption)
    {
        var calculated = DocumentJson.ToBody(redemption.Order);
        return CalculatedFields
            .Where(name => calculated.ContainsKey(name) || ZeroWhenAbsent.Contains(name))
            .Select(name => (name, calculated[name]?.DeepClone() ?? JsonValue.Create(0)))
            .Append(($"redemptions.{redemption.Id}", new JsonObject
            {
                ["date"] = DocumentJson.ToNode(redemption.Date),
                ["related_object_type"] = redemption.RelatedObjectType,
                ["related_object_id"] = redemption.RelatedObjectId,
                ["stacked"] = new JsonArray(),
            }));
    }

    public static Redemption Linked(Redemption redemption, StoredDocument order) => redemption with { Order = order.Read<OrderCalculated>() };
}
