using Platform.Registry;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(RegistryModule.ServiceName);
builder.AddRegistry();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
