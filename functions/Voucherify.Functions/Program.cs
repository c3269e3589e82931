using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Voucherify.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<PipelineMiddleware>();
builder.Services.AddVoucherify(builder.Configuration);
builder.Build().Run();
