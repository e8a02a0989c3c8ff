using Platform.Networking;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(NetworkingModule.ServiceName);
builder.AddNetworking();

var app = builder.Build();
app.MapNetworking();
app.Run();
