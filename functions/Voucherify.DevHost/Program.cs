using Microsoft.Extensions.Options;
using Voucherify.DevHost;
using Voucherify.Functions.Hosting;

var app = DevHostApp.Build(args);
await app.StartAsync();
var options = app.Services.GetRequiredService<IOptions<VoucherifyOptions>>().Value;
Console.WriteLine($"Voucherify dev host listening on {string.Join(", ", app.Urls)}");
// The Cosmos connection string holds the account key, so only the database is shown.
Console.WriteLine(string.Equals(options.Store, "cosmos", StringComparison.OrdinalIgnoreCase)
    ? $"Store: cosmos (database {options.CosmosDatabase})"
    : $"Store: {options.Store} ({Path.GetFullPath(options.SqlitePath)})");
foreach (var project in options.Projects)
{
    Console.WriteLine($"Project {project.Id} ({project.TimeZone})");
    project.ServerKeys.ForEach(k => Console.WriteLine($"  server keys: X-App-Id: {k.AppId}  X-App-Token: {k.Token}"));
    project.ClientKeys.ForEach(k => Console.WriteLine($"  client keys: X-Client-Application-Id: {k.AppId}  X-Client-Token: {k.Token}"));
}

await app.WaitForShutdownAsync();
