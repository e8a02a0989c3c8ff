using Platform.Images;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ImagesModule.ServiceName);
builder.AddImages();

var app = builder.Build();
app.MapImages();
app.Run();
