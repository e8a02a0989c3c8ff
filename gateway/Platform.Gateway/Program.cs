using Platform.Gateway;
using Platform.ServiceDefaults;

// appsettings.json (the routes) is found next to the binary, whatever the working directory
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDefaults("gateway");
if (GatewayOptions.From(builder.Configuration).Problem() is { } problem)
{
    Console.Error.WriteLine($"gateway: refusing to start: {problem}");
    return 1;
}
builder.AddGateway();
var app = builder.Build();
app.MapGateway();
app.Run();
return 0;
