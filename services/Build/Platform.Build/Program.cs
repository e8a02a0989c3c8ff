using Platform.Build;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(BuildModule.ServiceName);
builder.AddBuild();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
