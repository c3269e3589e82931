using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Health;

/// <summary>A liveness probe and the benchmark's ceiling: the cheapest request the host can answer.</summary>
public sealed class HealthFunctions
{
    [Function("Health")]
    public IActionResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        Api.Ok(new HealthStatus("ok"));
}
