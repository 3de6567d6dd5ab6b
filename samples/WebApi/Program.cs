var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "Hello from the Docker.Build.Analyzers sample");
app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));

app.Run();
