using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Voucherify.Infrastructure.Assets;

namespace Voucherify.Functions.Assets;

/// <summary>
/// Writes an image as it is. Our own result rather than FileContentResult, whose executor comes from
/// MVC services that the dev host does not register. An image depends only on its link, so caches may
/// keep it; a public SVG is locked down so it can never run script on our origin.
/// </summary>
public sealed class ImageResult(RenderedAsset image) : IActionResult
{
    public RenderedAsset Image { get; } = image;

    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = Image.ContentType;
        response.ContentLength = Image.Content.Length;
        response.Headers[HeaderNames.CacheControl] = "public, max-age=86400";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        if (Image.ContentType == RenderedAsset.Svg)
        {
            response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'";
        }

        return response.Body.WriteAsync(Image.Content, context.HttpContext.RequestAborted).AsTask();
    }
}
