using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Errors;
using Voucherify.Core.Vouchers.Assets;
using Voucherify.Infrastructure.Assets;

namespace Voucherify.Functions.Assets;

/// <summary>
/// The public images behind assets.qr.url and assets.barcode.url. No keys: the token itself is the
/// authority, and anything it does not decrypt to answers 404 like a code that does not exist.
/// </summary>
public sealed class AssetFunctions(AssetTokens tokens, AssetRenderer renderer)
{
    [Function("AssetQr")]
    public IActionResult Qr([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/assets/qr/{token}")] HttpRequest request, string token) =>
        Render(AssetKind.Qr, request, token);

    [Function("AssetBarcode")]
    public IActionResult Barcode([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/assets/barcode/{token}")] HttpRequest request, string token) =>
        Render(AssetKind.Barcode, request, token);

    private IActionResult Render(AssetKind kind, HttpRequest request, string token)
    {
        var subject = tokens.Read(kind, token) ?? throw NotFound(kind, token);
        var query = AssetQuery.From(request.Query);
        try
        {
            return new ImageResult(renderer.Render(kind, subject.Code, query.Format, query.Size));
        }
        catch (ArgumentException exception)
        {
            throw NotFound(kind, token, $"The voucher code cannot be drawn as a {kind.ToString().ToLowerInvariant()}: {exception.Message}");
        }
    }

    private static ApiException NotFound(AssetKind kind, string token, string? details = null)
    {
        var error = Problems.NotFound(kind.ToString().ToLowerInvariant(), token).Error;
        return new ApiException(details is null ? error : error with { Details = details });
    }
}
