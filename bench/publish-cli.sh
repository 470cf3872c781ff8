# publish-cli.sh - sourced by the bench scripts: publishes the CLI as VIGIL_BUILD says and sets VIGIL to its binary.
#   native (default)  the native AOT binary that CI pipelines run (scripts/publish-native.sh);
#   r2r               framework-dependent ReadyToRun, the JIT build the container image carries;
#   composite         self-contained with the framework compiled into one composite ReadyToRun image.
case ${VIGIL_BUILD:-native} in
  native) VIGIL_NATIVE_OUT=artifacts/vigil-native bash scripts/publish-native.sh >/dev/null
          VIGIL=$PWD/artifacts/vigil-native/vigil ;;
  r2r) dotnet publish src/Vigil.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o artifacts/vigil-r2r -v q -nologo >/dev/null
       VIGIL=$PWD/artifacts/vigil-r2r/vigil ;;
  composite) dotnet publish src/Vigil.Cli -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o artifacts/vigil-composite -v q -nologo >/dev/null
             VIGIL=$PWD/artifacts/vigil-composite/vigil ;;
  *) echo "VIGIL_BUILD must be native, r2r or composite" >&2; exit 2 ;;
esac
echo "# build: ${VIGIL_BUILD:-native} ($VIGIL)"
