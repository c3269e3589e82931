using System.Text.Json.Nodes;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Tests.Customers;

/// <summary>summary.orders kept from order versions: each order counts by its latest state, whatever is delivered again.</summary>
public sealed class OrderSummaryTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Paid_and_fulfilled_orders_count_created_and_canceled_do_not()
    {
        var body = Apply(
            New(),
            Version("ord_a", 1, "PAID", 1000, minute: 0),
            Version("ord_b", 2, "CREATED", 5000, minute: 1),
            Version("ord_c", 3, "FULFILLED", 2001, minute: 2),
            Version("ord_d", 4, "CANCELED", 7000, minute: 3));

        // 3001 / 2 = 1500.5: the average is integer division.
        AssertOrders(body, total: 3001, count: 2, average: 1500, lastAmount: 2001, lastMinute: 2);
    }

    [Fact]
    public void A_status_change_replaces_the_contribution_of_the_order()
    {
        var body = Apply(New(), Version("ord_a", 1, "CREATED", 1000, minute: 0));
        AssertOrders(body, total: 0, count: 0, average: 0, lastAmount: 0, lastMinute: null);

        body = Apply(body, Version("ord_a", 2, "PAID", 1000, minute: 0));
        AssertOrders(body, total: 1000, count: 1, average: 1000, lastAmount: 1000, lastMinute: 0);

        // A discount recorded later lowers what the customer pays; fulfilling it keeps it counted once.
        body = Apply(body, Version("ord_a", 3, "PAID", 1000, minute: 0, totalAmount: 800));
        body = Apply(body, Version("ord_a", 4, "FULFILLED", 1000, minute: 0, totalAmount: 800));
        AssertOrders(body, total: 800, count: 1, average: 800, lastAmount: 800, lastMinute: 0);
    }

    [Fact]
    public void Canceling_the_last_order_makes_the_one_before_it_the_last()
    {
        var body = Apply(
            New(),
            Version("ord_old", 1, "PAID", 1000, minute: 0),
            Version("ord_new", 2, "PAID", 3000, minute: 5));
        AssertOrders(body, total: 4000, count: 2, average: 2000, lastAmount: 3000, lastMinute: 5);

        body = Apply(body, Version("ord_new", 3, "CANCELED", 3000, minute: 5));
        AssertOrders(body, total: 1000, count: 1, average: 1000, lastAmount: 1000, lastMinute: 0);

        body = Apply(body, Version("ord_old", 4, "CANCELED", 1000, minute: 0));
        AssertOrders(body, total: 0, count: 0, average: 0, lastAmount: 0, lastMinute: null);
    }

    [Fact]
    public void The_last_order_is_the_one_created_last_not_the_one_changed_last()
    {
        var body = Apply(
            New(),
            Version("ord_new", 1, "CREATED", 3000, minute: 5),
            Version("ord_old", 2, "PAID", 1000, minute: 0),
            Version("ord_new", 3, "PAID", 3000, minute: 5),
            Version("ord_old", 4, "FULFILLED", 1000, minute: 0));

        AssertOrders(body, total: 4000, count: 2, average: 2000, lastAmount: 3000, lastMinute: 5);
    }

    [Fact]
    public void A_redelivered_version_changes_nothing()
    {
        var paid = Version("ord_a", 7, "PAID", 1000, minute: 0);
        var body = Apply(New(), paid);

        Assert.Null(CustomerSummaryDocument.ApplyOrder(body, paid));
        AssertOrders(Apply(body, Version("ord_b", 8, "PAID", 500, minute: 1)), total: 1500, count: 2, average: 750, lastAmount: 500, lastMinute: 1);
    }

    [Fact]
    public void An_older_version_delivered_after_a_newer_one_changes_nothing()
    {
        var created = Version("ord_a", 1, "CREATED", 1000, minute: 0);
        var paid = Version("ord_a", 2, "PAID", 1000, minute: 0);
        var canceled = Version("ord_a", 3, "CANCELED", 1000, minute: 0);
        var body = Apply(New(), created, paid, canceled);
        AssertOrders(body, total: 0, count: 0, average: 0, lastAmount: 0, lastMinute: null);

        // Redelivery after a lost checkpoint starts again at an older version: the PAID one must not count again.
        Assert.Null(CustomerSummaryDocument.ApplyOrder(body, paid));
        Assert.Null(CustomerSummaryDocument.ApplyOrder(body, created));

        var counted = Apply(New(), paid);
        Assert.Null(CustomerSummaryDocument.ApplyOrder(counted, created));
    }

    [Fact]
    public void A_feed_that_collapses_versions_still_ends_at_the_latest_state()
    {
        // Cosmos DB may deliver only the last of CREATED, PAID, FULFILLED.
        var body = Apply(New(), Version("ord_a", 3, "FULFILLED", 1200, minute: 0));
        AssertOrders(body, total: 1200, count: 1, average: 1200, lastAmount: 1200, lastMinute: 0);
    }

    [Fact]
    public void Orders_without_a_customer_and_deletions_contribute_nothing()
    {
        var order = Order("ord_a", "PAID", 1000, minute: 0);
        order.Remove("customer_id");
        Assert.Null(OrderContribution.Of(Change("ord_a", 1, order)));
        Assert.Null(OrderContribution.Of(new DocumentChange(2, Key("ord_a"), ChangeKind.Deleted, null, null, Start)));
    }

    [Fact]
    public void The_remembered_orders_are_not_part_of_the_summary()
    {
        var body = Apply(New(), Version("ord_a", 1, "PAID", 1000, minute: 0));

        Assert.Equal(["total_amount", "total_count", "average_amount", "last_order_amount", "last_order_date"], body["summary"]!["orders"]!.AsObject().Select(p => p.Key));
        Assert.NotNull(body["counted_orders"]?["ord_a"]);
        Assert.Equal(["total_amount", "total_count", "average_amount", "last_order_amount"], CustomerSummaryDocument.EmptySummary()["orders"]!.AsObject().Select(p => p.Key));
    }

    private static JsonObject New() => CustomerSummaryDocument.New("cust_1", "cust_1", null);

    private static JsonObject Apply(JsonObject body, params OrderContribution[] versions)
    {
        foreach (var version in versions)
        {
            body = CustomerSummaryDocument.ApplyOrder(body, version) ?? throw new InvalidOperationException($"{version} was ignored");
        }

        // Through a serialisation round trip, as the store hands it back: numbers become JSON elements.
        return JsonNode.Parse(body.ToJsonString())!.AsObject();
    }

    private static OrderContribution Version(string id, long sequence, string status, long amount, int minute, long? totalAmount = null)
    {
        var order = Order(id, status, amount, minute);
        order["total_amount"] = totalAmount ?? amount;
        return OrderContribution.Of(Change(id, sequence, order))!;
    }

    private static JsonObject Order(string id, string status, long amount, int minute) => new()
    {
        ["id"] = id,
        ["object"] = "order",
        ["status"] = status,
        ["amount"] = amount,
        ["customer_id"] = "cust_1",
        ["created_at"] = DocumentTimestamps.Format(Start.AddMinutes(minute)),
    };

    private static DocumentChange Change(string id, long sequence, JsonObject order) =>
        new(sequence, Key(id), ChangeKind.Replaced, order, $"etag-{sequence}", Start);

    private static DocumentKey Key(string id) => new("proj_1", "order", id, id);

    private static void AssertOrders(JsonObject body, long total, long count, long average, long lastAmount, int? lastMinute)
    {
        var orders = body["summary"]!["orders"]!;
        Assert.Equal(total, orders["total_amount"]!.GetValue<long>());
        Assert.Equal(count, orders["total_count"]!.GetValue<long>());
        Assert.Equal(average, orders["average_amount"]!.GetValue<long>());
        Assert.Equal(lastAmount, orders["last_order_amount"]!.GetValue<long>());
        Assert.Equal(lastMinute is { } minute ? DocumentTimestamps.Format(Start.AddMinutes(minute)) : null, orders["last_order_date"]?.GetValue<string>());
    }
}
