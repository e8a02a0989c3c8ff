# shellcheck shell=bash
# The platform's processes on one host: name, project, default loopback port, entry assembly.
# Sourced by platform.sh and test.sh; the gateway's YARP clusters use the same ports (gateway appsettings.json).
PLATFORM_SERVICES=(
  "runtime|services/Runtime/Platform.Runtime|5101|Platform.Runtime"
  "images|services/Images/Platform.Images|5102|Platform.Images"
  "networking|services/Networking/Platform.Networking|5103|Platform.Networking"
  "build|services/Build/Platform.Build|5104|Platform.Build"
  "registry|services/Registry/Platform.Registry|5105|Platform.Registry"
  "events|services/Events/Platform.Events|5106|Platform.Events"
)
PLATFORM_GATEWAY="gateway|gateway/Platform.Gateway|0|Platform.Gateway"
