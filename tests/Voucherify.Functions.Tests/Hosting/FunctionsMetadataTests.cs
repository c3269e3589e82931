using System.Text.Json.Nodes;
using Voucherify.DevHost;
using Voucherify.Functions.Health;

namespace Voucherify.Functions.Tests.Hosting;

/// <summary>
/// Core Tools cannot run here, so the build's functions.metadata (what `func start` and Azure load)
/// is checked instead: every HTTP function is there with the route and methods the dev host serves.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonArray Metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray();

    public static TheoryData<string, string, string> ContractRoutes => new()
    {
        { "CreateVoucher", "post", "v1/vouchers" },
        { "ListVouchers", "get", "v1/vouchers" },
        { "CreateVoucherWithCode", "post", "v1/vouchers/{code}" },
        { "GetVoucher", "get", "v1/vouchers/{code}" },
        { "UpdateVoucher", "put", "v1/vouchers/{code}" },
        { "DeleteVoucher", "delete", "v1/vouchers/{code}" },
        { "EnableVoucher", "post", "v1/vouchers/{code}/enable" },
        { "DisableVoucher", "post", "v1/vouchers/{code}/disable" },
        { "ImportVouchers", "post", "v1/vouchers/import" },
        { "ValidateVoucher", "post", "v1/vouchers/{code}/validate" },
        { "RedeemVoucher", "post", "v1/vouchers/{code}/redemption" },
        { "GetVoucherRedemptions", "get", "v1/vouchers/{code}/redemption" },
        { "ListRedemptions", "get", "v1/redemptions" },
        { "GetRedemption", "get", "v1/redemptions/{redemptionId}" },
        { "RollbackRedemption", "post", "v1/redemptions/{redemptionId}/rollback" },
        { "CreateCampaign", "post", "v1/campaigns" },
        { "ListCampaigns", "get", "v1/campaigns" },
        { "GetCampaign", "get", "v1/campaigns/{campaignId}" },
        { "UpdateCampaign", "put", "v1/campaigns/{campaignId}" },
        { "DeleteCampaign", "delete", "v1/campaigns/{campaignId}" },
        { "EnableCampaign", "post", "v1/campaigns/{campaignId}/enable" },
        { "DisableCampaign", "post", "v1/campaigns/{campaignId}/disable" },
        { "AddCampaignVouchers", "post", "v1/campaigns/{campaignId}/vouchers" },
        { "AddCampaignVoucherWithCode", "post", "v1/campaigns/{campaignId}/vouchers/{code}" },
        { "ImportCampaignVouchers", "post", "v1/campaigns/{campaignId}/import" },
        { "ListAsyncActions", "get", "v1/async-actions" },
        { "GetAsyncAction", "get", "v1/async-actions/{asyncActionId}" },
        { "ClientValidate", "get", "client/v1/validate" },
        { "ClientRedeem", "post", "client/v1/redeem" },
        { "AssetQr", "get", "v1/assets/qr/{token}" },
        { "AssetBarcode", "get", "v1/assets/barcode/{token}" },
        { "ListCustomers", "get", "v1/customers" },
        { "CreateCustomer", "post", "v1/customers" },
        { "GetCustomer", "get", "v1/customers/{customerId}" },
        { "UpdateCustomer", "put", "v1/customers/{customerId}" },
        { "DeleteCustomer", "delete", "v1/customers/{customerId}" },
        { "ListProducts", "get", "v1/products" },
        { "CreateProduct", "post", "v1/products" },
        { "GetProduct", "get", "v1/products/{productId}" },
        { "UpdateProduct", "put", "v1/products/{productId}" },
        { "DeleteProduct", "delete", "v1/products/{productId}" },
        { "ListSkus", "get", "v1/products/{productId}/skus" },
        { "CreateSku", "post", "v1/products/{productId}/skus" },
        { "UpdateSku", "put", "v1/products/{productId}/skus/{skuId}" },
        { "DeleteSku", "delete", "v1/products/{productId}/skus/{skuId}" },
        { "GetSku", "get", "v1/skus/{skuId}" },
        { "ListOrders", "get", "v1/orders" },
        { "CreateOrder", "post", "v1/orders" },
        { "GetOrder", "get", "v1/orders/{orderId}" },
        { "UpdateOrder", "put", "v1/orders/{orderId}" },
        { "ListMetadataSchemas", "get", "v1/metadata-schemas" },
        { "GetMetadataSchema", "get", "v1/metadata-schemas/{resource}" },
    };

    [Theory]
    [MemberData(nameof(ContractRoutes))]
    public void Every_contract_endpoint_is_an_http_function_in_the_build_metadata(string name, string method, string route)
    {
        var function = Metadata.Single(f => f!["name"]!.GetValue<string>() == name)!;
        var trigger = function["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "httpTrigger")!;

        Assert.Equal(route, trigger["route"]!.GetValue<string>());
        Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("dotnet-isolated", function["language"]!.GetValue<string>());
    }

    [Fact]
    public void The_dev_host_serves_exactly_the_functions_the_metadata_declares()
    {
        var declared = Metadata
            .Select(f => (Name: f!["name"]!.GetValue<string>(), Trigger: f["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "httpTrigger")!))
            .Select(f => $"{f.Name} {string.Join(",", f.Trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()))} {f.Trigger["route"]}")
            .Order();
        var served = FunctionEndpoints.Discover(typeof(HealthFunctions).Assembly)
            .Select(r => $"{r.Name} {string.Join(",", r.Methods)} {r.Route}")
            .Order();

        Assert.Equal(declared, served);
    }

    [Fact]
    public void Host_json_serves_routes_without_the_api_prefix()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))!;

        Assert.Equal(string.Empty, hostJson["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
    }
}
