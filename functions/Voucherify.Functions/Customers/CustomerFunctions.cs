using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Customers;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Customers;

/// <summary>Customers seen in redemptions, with the summary the change feed keeps.</summary>
public sealed class CustomerFunctions(CustomerService customers)
{
    [Function("GetCustomer")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/customers/{customerId}")] HttpRequest request, string customerId) =>
        Api.Ok(await customers.GetAsync(request.Project(), customerId, request.HttpContext.RequestAborted));
}
