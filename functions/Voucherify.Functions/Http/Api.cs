using Microsoft.AspNetCore.Mvc;

namespace Voucherify.Functions.Http;

/// <summary>The success answers the contract uses: 200 for reads and creates, 202 for async work, 204 for deletes.</summary>
public static class Api
{
    public static IActionResult Ok(object body) => new WireResult(200, body);

    public static IActionResult Accepted(object body) => new WireResult(202, body);

    public static IActionResult NoContent() => new WireResult(204, null);
}
