using System.Text;
using Voucherify.DevHost;
using Voucherify.Floor;

// The dev host with one addition: a validate request marked X-Floor also commits what FloorWriter says is the least a
// redemption writes, before it is answered. Everything else (keys, the request pipeline, validation, its answer) is the
// dev host's own, so the scenario costs exactly validate plus that write: the floor under any redeem on this machine.
const int RecordLength = 1400;
const int OrderLength = 700;
FloorWriter? floor = null;
var app = DevHostApp.Build(args, outermost: host =>
{
    floor = new FloorWriter(host.Configuration["Floor:Path"] ?? "floor.db");
    host.Use(async (context, next) =>
    {
        if (!context.Request.Headers.ContainsKey("X-Floor"))
        {
            await next(context);
            return;
        }

        var answer = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = answer;
        }

        var bytes = buffer.ToArray();
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            // /v1/vouchers/{code}/validate. The rows are as long as the benchmark's stored redemption (~1,400 characters)
            // and order (700), made of the answer's text (~800) so that nothing is built for them.
            var text = Encoding.UTF8.GetString(bytes);
            var record = text.Length >= RecordLength ? text[..RecordLength] : text + text[..Math.Min(text.Length, RecordLength - text.Length)];
            await floor.WriteAsync(context.Request.Path.Value!.Split('/')[3], record, record[..Math.Min(OrderLength, record.Length)]);
        }

        context.Response.ContentLength = bytes.Length;
        await answer.WriteAsync(bytes, context.RequestAborted);
    });
});
await app.RunAsync();
floor?.Dispose();
