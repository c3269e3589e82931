using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Customers;

/// <summary>
/// summary.orders as the change feed keeps it: paid and fulfilled orders count by their latest state. Only settled
/// states are waited for, so the test holds on a feed that delivers every version (SQLite) and on one that may fold
/// versions together (Cosmos DB).
/// </summary>
public sealed class CustomerOrderSummaryApiTests : HostedApiTest
{
    [Fact]
    public async Task A_customer_shows_the_orders_that_are_paid_or_fulfilled_in_their_latest_state()
    {
        var customerId = (await host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "buyer" })).Expect(HttpStatusCode.OK).Str("id");
        var paid = await CreateOrderAsync("o-paid", "PAID", 1000, customerId);
        var created = await CreateOrderAsync("o-created", "CREATED", 5001, customerId);
        await CreateOrderAsync("o-canceled", "CANCELED", 7000, customerId);

        // A redemption records its order PAID unless told otherwise, and then its discount: the customer pays 2500.
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("ORDERS", 500))).Expect(HttpStatusCode.OK);
        var redeem = new JsonObject
        {
            ["order"] = new JsonObject { ["source_id"] = "o-redeemed", ["amount"] = 3000 },
            ["customer"] = new JsonObject { ["id"] = customerId },
        };
        var redeemedId = (await host.Server.PostAsync("/v1/vouchers/ORDERS/redemption", redeem)).Expect(HttpStatusCode.OK).Str("order.id");
        var redeemed = (await host.Server.GetJsonAsync($"/v1/orders/{redeemedId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("PAID", redeemed.Str("status"));
        Assert.Equal(2500, redeemed.Long("total_amount"));

        var first = await OrdersSummaryAsync(customerId, total: 3500, count: 2);
        AssertOrders(first, total: 3500, count: 2, average: 1750, lastAmount: 2500, lastDate: redeemed.Str("created_at"));

        // The CREATED order is paid, the PAID one canceled, the redeemed one fulfilled.
        (await host.Server.PutAsync("/v1/orders/o-created", new JsonObject { ["status"] = "PAID" })).Expect(HttpStatusCode.OK);
        (await host.Server.PutAsync($"/v1/orders/{paid.Str("id")}", new JsonObject { ["status"] = "CANCELED" })).Expect(HttpStatusCode.OK);
        (await host.Server.PutAsync("/v1/orders/o-redeemed", new JsonObject { ["status"] = "FULFILLED" })).Expect(HttpStatusCode.OK);
        var second = await OrdersSummaryAsync(customerId, total: 7501, count: 2);
        AssertOrders(second, total: 7501, count: 2, average: 3750, lastAmount: 2500, lastDate: redeemed.Str("created_at"));

        // Canceling the last order makes the one created before it the last.
        (await host.Server.PutAsync("/v1/orders/o-redeemed", new JsonObject { ["status"] = "CANCELED" })).Expect(HttpStatusCode.OK);
        var third = await OrdersSummaryAsync(customerId, total: 5001, count: 1);
        AssertOrders(third, total: 5001, count: 1, average: 5001, lastAmount: 5001, lastDate: created.Str("created_at"));
        Assert.Null(third.Node("counted_orders"));

        // The list shows the same summary, and time passing (more polls, nothing redelivered twice) changes nothing.
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        var list = (await host.Server.GetJsonAsync("/v1/customers?email=")).Expect(HttpStatusCode.OK);
        var listed = list.Node("customers")!.AsArray().Single(c => c!["id"]!.GetValue<string>() == customerId)!;
        Assert.Equal(third.Node("summary.orders")!.ToJsonString(), listed["summary"]!["orders"]!.ToJsonString());
        var again = (await host.Server.GetJsonAsync($"/v1/customers/{customerId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(third.Node("summary")!.ToJsonString(), again.Node("summary")!.ToJsonString());
    }

    [Fact]
    public async Task A_customer_without_paid_orders_shows_zeros_and_no_last_order_date()
    {
        var customerId = (await host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "browser" })).Expect(HttpStatusCode.OK).Str("id");
        await CreateOrderAsync("o-open", "CREATED", 4000, customerId);
        await CreateOrderAsync("o-paid-then-canceled", "PAID", 900, customerId);
        await OrdersSummaryAsync(customerId, total: 900, count: 1);

        (await host.Server.PutAsync("/v1/orders/o-paid-then-canceled", new JsonObject { ["status"] = "CANCELED" })).Expect(HttpStatusCode.OK);
        var customer = await OrdersSummaryAsync(customerId, total: 0, count: 0);

        AssertOrders(customer, total: 0, count: 0, average: 0, lastAmount: 0, lastDate: null);
    }

    private async Task<Reply> CreateOrderAsync(string sourceId, string status, long amount, string customerId)
    {
        // Orders a second apart, so "last" is decided by created_at.
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var order = (await host.Server.PostAsync("/v1/orders", new JsonObject
        {
            ["source_id"] = sourceId,
            ["status"] = status,
            ["amount"] = amount,
            ["customer_id"] = customerId,
        })).Expect(HttpStatusCode.OK);
        Assert.Equal(status, order.Str("status"));
        return order;
    }

    private Task<Reply> OrdersSummaryAsync(string customerId, long total, long count) =>
        host.EventuallyAsync(
            () => host.Server.GetJsonAsync($"/v1/customers/{customerId}"),
            r => r.Status == HttpStatusCode.OK && r.Long("summary.orders.total_amount") == total && r.Long("summary.orders.total_count") == count);

    private static void AssertOrders(Reply customer, long total, long count, long average, long lastAmount, string? lastDate)
    {
        Assert.Equal(total, customer.Long("summary.orders.total_amount"));
        Assert.Equal(count, customer.Long("summary.orders.total_count"));
        Assert.Equal(average, customer.Long("summary.orders.average_amount"));
        Assert.Equal(lastAmount, customer.Long("summary.orders.last_order_amount"));
        Assert.Equal(lastDate, customer.Node("summary.orders.last_order_date")?.GetValue<string>());
    }
}
