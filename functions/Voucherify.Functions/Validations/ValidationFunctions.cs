using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Validations;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Validations;

/// <summary>POST /v1/vouchers/{code}/validate: valid or not, both 200; only bad input is a 4xx.</summary>
public sealed class ValidationFunctions(ValidationService validations)
{
    [Function("ValidateVoucher")]
    public async Task<IActionResult> Validate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/vouchers/{code}/validate")] HttpRequest request, string code)
    {
        var body = await RequestBody.ReadOptionalAsync<VoucherValidationRequest>(request);
        return Api.Ok(await validations.ValidateAsync(request.Project(), code, body, request.HttpContext.RequestId(), request.HttpContext.RequestAborted));
    }
}
