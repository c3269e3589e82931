using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Voucherify.Core.Errors;
using Voucherify.Core.Projects;
using Voucherify.Core.Vouchers.Assets;
using Voucherify.Functions.Assets;
using Voucherify.Functions.Hosting;
using Voucherify.Infrastructure.Assets;

namespace Voucherify.Functions.Tests.Assets;

public sealed class AssetFunctionsTests
{
    private static readonly AssetTokens Tokens = new("test-signing-key");
    private static readonly Project Project = new("proj_1", "Test", TimeZoneInfo.Utc);
    private readonly AssetFunctions functions = new(Tokens, new AssetRenderer());

    private static HttpRequest Get(string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    private static async Task<HttpResponse> Execute(IActionResult result, HttpRequest request)
    {
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        return request.HttpContext.Response;
    }

    [Fact]
    public async Task A_qr_link_answers_a_png_by_default()
    {
        var request = Get();
        var response = await Execute(functions.Qr(request, Tokens.Create(AssetKind.Qr, "proj_1", "A1")), request);

        Assert.Equal((200, "image/png"), (response.StatusCode, response.ContentType));
        Assert.Equal(0x89, ((MemoryStream)response.Body).ToArray()[0]);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions);
    }

    [Fact]
    public async Task A_barcode_link_answers_a_locked_down_svg_when_asked()
    {
        var request = Get("?format=SVG&size=2");
        var response = await Execute(functions.Barcode(request, Tokens.Create(AssetKind.Barcode, "proj_1", "A1")), request);

        Assert.Equal((200, "image/svg+xml"), (response.StatusCode, response.ContentType));
        Assert.StartsWith("default-src 'none'", response.Headers.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public void A_forged_token_is_404_not_found_in_the_contract_shape()
    {
        var error = Assert.Throws<ApiException>(() => functions.Qr(Get(), "AVRxmQyiaY_D_IrNDzyCsZP0Kk1GuLhY46gNi0l89fB")).Error;

        Assert.Equal((404, "not_found", "qr"), (error.Code, error.Key, error.ResourceType));
    }

    [Fact]
    public void A_qr_token_on_the_barcode_route_is_404() =>
        Assert.Equal(404, Assert.Throws<ApiException>(() => functions.Barcode(Get(), Tokens.Create(AssetKind.Qr, "proj_1", "A1"))).Error.Code);

    [Fact]
    public void A_code_that_cannot_be_a_barcode_is_404_with_the_reason()
    {
        var error = Assert.Throws<ApiException>(() => functions.Barcode(Get(), Tokens.Create(AssetKind.Barcode, "proj_1", "漢字"))).Error;

        Assert.Equal(404, error.Code);
        Assert.Contains("cannot be drawn as a barcode", error.Details);
    }

    [Theory]
    [InlineData("?format=gif", "format")]
    [InlineData("?size=0", "size")]
    [InlineData("?size=101", "size")]
    [InlineData("?size=big", "size")]
    [InlineData("?size=1.5", "size")]
    public void A_bad_query_is_400_invalid_query_params(string query, string field)
    {
        var error = Assert.Throws<ApiException>(() => functions.Qr(Get(query), Tokens.Create(AssetKind.Qr, "proj_1", "A1"))).Error;

        Assert.Equal((400, "invalid_query_params"), (error.Code, error.Key));
        Assert.Contains(field, error.Details);
    }

    [Fact]
    public void The_query_defaults_to_png_at_the_default_size() =>
        Assert.Equal(new AssetQuery(AssetFormat.Png, AssetScale.Default), AssetQuery.From(Get().Query));

    [Fact]
    public void Asset_links_use_the_configured_public_base_url()
    {
        var links = new VoucherAssetLinks(Tokens, Options.Create(new VoucherifyOptions { PublicBaseUrl = "https://promo.example.com" }));

        Assert.StartsWith("https://promo.example.com/v1/assets/qr/", links.For(Get(), Project, "A1").Qr.Url);
    }

    [Fact]
    public void Asset_links_point_back_at_the_requested_host_without_a_configured_base_url()
    {
        var links = new VoucherAssetLinks(Tokens, Options.Create(new VoucherifyOptions()));
        var request = Get();
        request.Scheme = "http";
        request.Host = new HostString("127.0.0.1:7071");

        Assert.StartsWith("http://127.0.0.1:7071/v1/assets/barcode/", links.For(request, Project, "A1").Barcode.Url);
    }

    [Fact]
    public void The_dev_host_serves_both_asset_routes()
    {
        var routes = Voucherify.DevHost.FunctionEndpoints.Discover(typeof(AssetFunctions).Assembly).Select(r => r.Route).ToList();

        Assert.Contains("v1/assets/qr/{token}", routes);
        Assert.Contains("v1/assets/barcode/{token}", routes);
    }
}
