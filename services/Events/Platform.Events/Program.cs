using Platform.Events;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(EventsModule.ServiceName);
builder.AddEvents();

var app = builder.Build();
app.MapEvents();
app.MapDefaultEndpoints();
app.Run();
