using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Campaigns;
using Voucherify.Core.Collections;
using Voucherify.Core.Errors;
using Voucherify.Core.Json;
using Voucherify.Core.Orders;
using Voucherify.Core.Projects;
using Voucherify.Core.Rules.Budgets;
using Voucherify.Core.Rules.Engine;
using Voucherify.Core.Storage;
using Voucherify.Core.Validations;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Rules.Eligibility;

/// <summary>
/// Loads what a voucher's rules need, with as few reads as the rules require: the voucher's campaign and the assignments
/// of the voucher and of its campaign (one partition query each), asked for at once since none depends on another; the
/// rules (point reads, compiled from cache); and only when some rule reads them the customer, the catalog behind the
/// cart lines and the budget counters.
/// </summary>
public sealed class EligibilityService(IDocumentStore store, CampaignLookup campaigns, AssignmentService assignments, RuleCache cache, IEligibilityData data)
{
    /// <summary>The voucher's campaign (null for a standalone code) and what its rules need to judge the request.</summary>
    public async ValueTask<(Campaign? Campaign, Eligibility Eligibility)> LoadAsync(Project project, Voucher voucher, VoucherValidationRequest request, CancellationToken cancellationToken)
    {
        // On Cosmos DB each read is a round trip: started together, the three cost one instead of three in a row. The
        // campaign's assignments are read under the voucher's campaign id, the id the campaign read confirms.
        var campaignRead = campaigns.OfVoucherAsync(project, voucher, cancellationToken);
        var ofVoucher = assignments.ForObjectAsync(project, voucher.Id, cancellationToken);
        var ofCampaign = voucher.CampaignId is { } campaignId ? assignments.ForObjectAsync(project, campaignId, cancellationToken) : default;
        var rules = new List<AssignedRule>();
        await AddAsync(rules, project, voucher.Id, await ofVoucher, cancellationToken);
        if (voucher.CampaignId is { } id)
        {
            await AddAsync(rules, project, id, await ofCampaign, cancellationToken);
        }

        var campaign = await campaignRead;
        return (campaign, await JudgedOnAsync(project, voucher, campaign, rules, request, cancellationToken));
    }

    private async ValueTask<Eligibility> JudgedOnAsync(Project project, Voucher voucher, Campaign? campaign, List<AssignedRule> rules, VoucherValidationRequest request, CancellationToken cancellationToken)
    {
        if (rules.Count == 0)
        {
            return Eligibility.None;
        }

        OrderCalculated order;
        try
        {
            order = VoucherEvaluator.StartOrder(request);
        }
        catch (ApiException)
        {
            // The evaluator meets the same flaw in the order and fails the voucher with it.
            return Eligibility.None;
        }

        var (customer, customerKey) = await CustomerAsync(project, request.Customer, rules, cancellationToken);
        var lines = await LinesAsync(project, order, rules, cancellationToken);
        var campaignCounter = campaign?.Id ?? voucher.Id;
        var counters = await CountersAsync(project, rules, campaignCounter, customerKey, cancellationToken);
        return new Eligibility(rules, customer, customerKey, lines, campaignCounter, counters, order);
    }

    private async ValueTask AddAsync(List<AssignedRule> rules, Project project, string objectId, IReadOnlyList<ValidationRuleAssignment> assigned, CancellationToken cancellationToken)
    {
        foreach (var assignment in assigned)
        {
            if (await store.GetAsync(ValidationRuleKeys.For(project, assignment.RuleId), cancellationToken) is { } document)
            {
                rules.Add(new AssignedRule(cache.Get(document), objectId));
            }
        }
    }

    /// <summary>The stored customer with the request's fields laid over it: what the request says wins, as the contract has it.</summary>
    private async ValueTask<(JsonObject? Customer, string? Key)> CustomerAsync(Project project, JsonObject? given, List<AssignedRule> rules, CancellationToken cancellationToken)
    {
        var id = JsonText.Of(given, "id");
        var sourceId = JsonText.Of(given, "source_id");
        if (id is null && sourceId is null)
        {
            return (given, null);
        }

        var stored = rules.Exists(r => r.Compiled.Rules.ReadsCustomer) ? await data.CustomerAsync(project, id, sourceId, cancellationToken) : null;
        var key = JsonText.Of(stored, "id") ?? id ?? $"source:{sourceId}";
        if (stored is not null && OnlyNames(given!, stored, id, sourceId))
        {
            // A checkout usually names the customer and nothing more: the stored tree, which rules only read, is the answer.
            return (stored, key);
        }

        var merged = stored?.DeepClone().AsObject() ?? [];
        foreach (var (name, value) in given!)
        {
            merged[name] = value is JsonObject inner && merged[name] is JsonObject existing ? Overlay(existing, inner) : value?.DeepClone();
        }

        return (merged, key);
    }

    /// <summary>
    /// Whether the request's customer says nothing but an id or source id the stored one already has (its text given as
    /// read from the request already: each read of a parsed value's text makes a new string).
    /// </summary>
    private static bool OnlyNames(JsonObject given, JsonObject stored, string? id, string? sourceId)
    {
        foreach (var (name, _) in given)
        {
            var named = name switch
            {
                "id" => id,
                "source_id" => sourceId,
                _ => null,
            };
            if (named is null || JsonText.Of(stored, name) != named)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonObject Overlay(JsonObject target, JsonObject source)
    {
        foreach (var (name, value) in source)
        {
            target[name] = value?.DeepClone();
        }

        return target;
    }

    private async ValueTask<IReadOnlyList<CartLine>> LinesAsync(Project project, OrderCalculated order, List<AssignedRule> rules, CancellationToken cancellationToken)
    {
        if (!rules.Exists(r => r.Compiled.ReadsCatalog))
        {
            // Rules on the order's amounts, counts, prices or item metadata judge the lines as sent: reading each line's
            // product and SKU (two reads apiece through a source id) would cost validate more than the rules themselves.
            return [.. order.Items.Select(item => new CartLine(item, item.ProductId ?? item.Product?.Id, item.SkuId ?? item.Sku?.Id, null, null, FrozenSet<string>.Empty))];
        }

        var collectionIds = rules.SelectMany(r => r.Compiled.Rules.References.Where(v => v.ReferenceObject == "products_collection").Select(v => v.Text!))
            .Concat(rules.SelectMany(r => r.Compiled.Rule.ApplicableTo.Included.Concat(r.Compiled.Rule.ApplicableTo.Excluded)).Where(e => e.Object == "products_collection").Select(e => e.Id!))
            .Distinct()
            .ToList();
        var collections = new List<CollectionMembership>();
        foreach (var id in collectionIds)
        {
            if (await data.CollectionAsync(project, id, cancellationToken) is { } body)
            {
                collections.Add(new CollectionMembership(body.Deserialize<ProductCollection>(Json.Wire.Options)!));
            }
        }

        var lines = new List<CartLine>(order.Items.Count);
        foreach (var item in order.Items)
        {
            lines.Add(await LineAsync(project, item, collections, cancellationToken));
        }

        return lines;
    }

    private async ValueTask<CartLine> LineAsync(Project project, OrderItemCalculated item, List<CollectionMembership> collections, CancellationToken cancellationToken)
    {
        var skuSource = item.RelatedObject == "sku" ? item.SourceId : item.Sku?.SourceId;
        var productSource = item.RelatedObject == "sku" ? item.Product?.SourceId : item.SourceId ?? item.Product?.SourceId;
        var skuId = item.SkuId ?? item.Sku?.Id;
        var sku = skuId is not null || skuSource is not null ? await data.SkuAsync(project, skuId, skuSource, cancellationToken) : null;
        var productId = item.ProductId ?? item.Product?.Id ?? JsonText.Of(sku, "product_id");
        var product = productId is not null || productSource is not null ? await data.ProductAsync(project, productId, productSource, cancellationToken) : null;
        skuId ??= JsonText.Of(sku, "id");
        productId ??= JsonText.Of(product, "id");
        var members = collections.Where(c => c.Contains(productId, skuId, product)).Select(c => c.Id).ToHashSet();
        return new CartLine(item, productId, skuId, product, sku, members);
    }

    private async ValueTask<IReadOnlyDictionary<string, JsonObject>> CountersAsync(Project project, List<AssignedRule> rules, string campaignCounter, string? customerKey, CancellationToken cancellationToken)
    {
        if (!Eligibility.HaveBudgets(rules))
        {
            return FrozenDictionary<string, JsonObject>.Empty;
        }

        var ids = new HashSet<string>();
        foreach (var rule in rules)
        {
            foreach (var guard in rule.Compiled.Rules.Rules.Select(r => r.Guard).OfType<BudgetGuard>())
            {
                if (guard.Scope == CounterScope.Campaign)
                {
                    ids.Add(RuleCounterKeys.Campaign(campaignCounter));
                }
                else if (customerKey is not null)
                {
                    ids.Add(RuleCounterKeys.Customer(rule.RelatedObjectId, customerKey));
                }
            }
        }

        var counters = new Dictionary<string, JsonObject>();
        foreach (var id in ids)
        {
            if (await store.GetAsync(RuleCounterKeys.For(project, id), cancellationToken) is { } document)
            {
                counters[id] = document.Body;
            }
        }

        return counters;
    }
}
