using Platform.Runtime;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults("runtime");
builder.AddRuntime();

var app = builder.Build();
app.MapRuntime();
app.Run();
