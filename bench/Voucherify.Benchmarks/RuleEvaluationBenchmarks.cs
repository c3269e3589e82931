using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Voucherify.Core.Orders;
using Voucherify.Core.Rules.Engine;

namespace Voucherify.Benchmarks;

/// <summary>
/// The hot path of a rule check: a compiled rule set with five rules (amount, customer and order metadata, redemption
/// metadata, an order.items rule with a nested quantity rule) under nested logic, judged against a five-line cart.
/// Compile is measured too, to show what the cache saves on every request.
/// </summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmarks
{
    private const string Rules = """
        {
          "1": {"name": "order.amount", "conditions": {"$more_than_or_equal": [5000]}},
          "2": {"name": "customer.metadata", "property": "tier", "conditions": {"$in": ["gold", "platinum"]}},
          "3": {"name": "order.metadata", "property": "store", "conditions": {"$starts_with": ["EU-"]}},
          "4": {"name": "redemption.metadata", "property": "channel", "conditions": {"$is": ["app"]}},
          "5": {"name": "order.items.any", "conditions": {"$is": [{"object": "product", "id": "prod_3"}]},
                "rules": {"1": {"name": "order.items.quantity", "conditions": {"$more_than": [1]}}}},
          "logic": "(1 and (2 or 3)) and (4 or 5)"
        }
        """;

    private readonly JsonObject document = JsonNode.Parse(Rules)!.AsObject();
    private CompiledRuleSet compiled = null!;
    private RuleContext context = null!;

    [GlobalSetup]
    public void Setup()
    {
        compiled = RuleCompiler.Compile(document);
        var order = OrderCalculated.From(new OrderRequest
        {
            Metadata = new JsonObject { ["store"] = "EU-7" },
            Items = [.. Enumerable.Range(1, 5).Select(k => new OrderItemRequest { ProductId = $"prod_{k}", Quantity = k, Price = 1000 * k })],
        });
        var lines = order.Items.Select(item => new CartLine(item, item.ProductId, null, null, null, new HashSet<string>())).ToList();
        var customer = new JsonObject { ["id"] = "cust_1", ["metadata"] = new JsonObject { ["tier"] = "silver" } };
        context = new RuleContext(customer, order, lines, new JsonObject { ["channel"] = "web" }, RuleCounters.None);
    }

    [Benchmark(Baseline = true)]
    public bool Evaluate() => compiled.Evaluate(context, out _);

    [Benchmark]
    public CompiledRuleSet Compile() => RuleCompiler.Compile(document);
}
