"""Kernels forked from one server that imported the package once: a speed trick, kept apart
from the report's logic (:mod:`analysis.report.build` only hands its kernels the provisioner).

A report's notebooks import the same heavy modules: ipykernel, and through this package
pandas, pandera and matplotlib. In a kernel of its own each pays for them again, seconds of
CPU per notebook on a machine whose cores the report shares. Here one server process
imports them once, and each kernel is a fork of it: still a process of its own (nothing a
notebook does reaches another notebook), that starts with the modules loaded.

A forked kernel must be the kernel a fresh process would be. Hence:

- only a kernel that would run this interpreter's ipykernel is forked (its kernel spec's
  command is ``sys.executable -m ipykernel_launcher ...``); another starts as jupyter_client
  starts it;
- the server imports only the kernel and this package's modules that the notebooks name
  (what they import comes along); any other module a notebook imports, it imports in its
  kernel as before;
- the server imports them as a kernel would: in the notebooks' folder, with the
  matplotlib backend ipykernel sets, and with a kernel's shell behind ``get_ipython()``
  (pandas, for one, picks its table layout by asking for it);
- the fork then runs ``python -m ipykernel_launcher`` as that command would, in a session of
  its own.

``tests/report/test_forking.py`` checks that each notebook gives the same output in a forked
kernel and in a fresh one.
"""

from __future__ import annotations

import builtins
import contextlib
import gc
import json
import os
import runpy
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

from analysis.startup import collect_less, preload

LAUNCHER = ("-m", "ipykernel_launcher")
# What the server imports first, whatever the notebooks: the kernel itself.
KERNEL_MODULES = ("ipykernel.kernelapp", "IPython.display")
PACKAGE = __name__.split(".")[0]
# ipykernel's default backend, which it sets when MPLBACKEND is unset (IPKernelApp's
# init_gui_pylab): matplotlib reads the variable when it is imported.
KERNEL_MPLBACKEND = "module://matplotlib_inline.backend_inline"


def served_modules(modules: Iterable[str]) -> list[str]:
    """Of the modules notebooks import, those the server imports: the kernel's and this
    package's."""
    return [
        *KERNEL_MODULES,
        *(m for m in modules if m == PACKAGE or m.startswith(PACKAGE + ".")),
    ]


def forkable(command: list[str]) -> bool:
    """Whether ``command`` starts this interpreter's ipykernel (so a fork of the server is
    the same kernel)."""
    return (
        len(command) > len(LAUNCHER)
        and tuple(command[1 : 1 + len(LAUNCHER)]) == LAUNCHER
        and Path(command[0]).resolve() == Path(sys.executable).resolve()
    )


def kernel_server(folder: Path, modules: Iterable[str]) -> KernelServer | None:
    """A :class:`KernelServer` for notebooks in ``folder`` that import ``modules``; None where
    processes cannot fork (Windows), whose kernels start as usual."""
    return KernelServer(folder, modules) if hasattr(os, "fork") else None


class KernelServer:
    """The report's side of a server (``python -c 'from analysis.report.forking import
    serve; serve(FD)'``) that imported ``modules`` in ``folder`` and forks kernels on
    demand. Start it early: it imports while the report goes on; the first fork waits."""

    def __init__(self, folder: Path, modules: Iterable[str]) -> None:
        ours, theirs = socket.socketpair()
        request = json.dumps({"folder": str(folder), "modules": served_modules(modules)})
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                f"from {__name__} import serve; serve({theirs.fileno()})",
            ],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # as jupyter_client starts kernels: Ctrl-C is the report's
        )
        theirs.close()
        self._socket = ours
        self._replies = ours.makefile("r", encoding="utf-8")
        self._lock = threading.Lock()
        self._send(request)

    def _send(self, line: str) -> None:
        self._socket.sendall(line.encode("utf-8") + b"\n")

    def fork(self, arguments: list[str], cwd: str | None, env: dict[str, str]) -> int:
        """Fork a kernel that runs ``ipykernel_launcher ARGUMENTS`` in ``cwd`` with ``env``;
        returns its process id. Raises OSError when the server is gone."""
        with self._lock:
            self._send(json.dumps({"arguments": arguments, "cwd": cwd, "env": env}))
            reply = self._replies.readline()
        if not reply:
            raise ConnectionError("the kernel server ended")
        return int(json.loads(reply)["pid"])

    def close(self) -> None:
        """End the server now, even if it is still importing, and wait for it. A kernel of
        its still running ends within a second: it watches the server."""
        self._process.kill()
        self._process.wait()
        self._replies.close()
        self._socket.close()


class ForkedProcess:
    """A forked kernel with the part of :class:`subprocess.Popen` that jupyter_client's
    :class:`LocalProvisioner` uses. It is the server's child, so its exit status goes to the
    server: it is known here only to have ended (``returncode`` 0). Where the system has
    process file descriptors (Linux), the kernel is watched and signalled through one, so a
    later process given the same id is never mistaken for it."""

    stdin = stdout = stderr = None
    POLL_SECONDS = 0.01

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._handle: int | None = None
        if hasattr(os, "pidfd_open"):
            try:
                self._handle = os.pidfd_open(pid)
            except ProcessLookupError:
                self.returncode = 0
            except OSError:  # no process descriptors here: watched by its id
                self._handle = None

    def poll(self) -> int | None:
        if self.returncode is None:
            if self._handle is not None:
                ended = bool(select.select([self._handle], [], [], 0)[0])
            else:
                try:
                    os.kill(self.pid, 0)
                    ended = False
                except ProcessLookupError:
                    ended = True
            if ended:
                self.returncode = 0
                self._close()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int | None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout or 0)
            time.sleep(self.POLL_SECONDS)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is not None:
            return
        if self._handle is not None:
            signal.pidfd_send_signal(self._handle, signum)
        else:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def _close(self) -> None:
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None


class ForkProvisioner(LocalProvisioner):  # type: ignore[misc]
    """jupyter_client's local provisioner, launching a forkable kernel as a fork of
    ``server`` (any other kernel, or any kernel once the server is gone, as usual)."""

    server: KernelServer | None = None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        if self.server is None or not forkable(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        cwd = kwargs.get("cwd")
        env = dict(kwargs.get("env") or os.environ)
        try:
            pid = self.server.fork(cmd[1 + len(LAUNCHER) :], cwd and str(cwd), env)
        except OSError:
            return await super().launch_kernel(cmd, **kwargs)
        self.process = ForkedProcess(pid)
        self.pid = self.pgid = pid
        self.cwd = cwd or Path.cwd()
        return self.connection_info


# The server's side.


class _KernelShellStandIn:
    """What a module imported by the server finds behind ``get_ipython()``: a shell with a
    kernel, as in the kernels it is imported for."""

    kernel = None


@contextlib.contextmanager
def _as_in_a_kernel(folder: str) -> Iterator[None]:
    """Import as a kernel would (see the module's docstring)."""
    os.chdir(folder)
    if not os.environ.get("MPLBACKEND"):
        os.environ["MPLBACKEND"] = KERNEL_MPLBACKEND
    shell = _KernelShellStandIn()
    builtins.get_ipython = lambda: shell  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del builtins.get_ipython  # type: ignore[attr-defined]


def serve(descriptor: int) -> None:
    """The server: read what to import, import it, then fork a kernel for each request, until
    the report closes the connection."""
    connection = socket.socket(fileno=descriptor)
    requests = connection.makefile("r", encoding="utf-8")
    setup = json.loads(requests.readline() or "{}")
    collect_less()
    with _as_in_a_kernel(setup.get("folder") or os.getcwd()):
        preload(setup.get("modules", ()))
    gc.freeze()  # the forks share these objects' memory until they write to it
    signal.signal(signal.SIGCHLD, _collect_children)
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            requests.close()
            connection.close()
            _run_kernel(request["arguments"], request["cwd"], request["env"])
        connection.sendall(json.dumps({"pid": pid}).encode("utf-8") + b"\n")


def _collect_children(signum: int, frame: Any) -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _run_kernel(arguments: list[str], cwd: str | None, env: dict[str, str]) -> None:
    """A fork of the server: ``python -m ipykernel_launcher ARGUMENTS`` in ``cwd`` with
    ``env``, in a session of its own. Never returns."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.setsid()
        if cwd:
            os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        # The kernel ends when its parent, the server, does; the server ends with the
        # report. ipykernel watches the process that JPY_PARENT_PID names, but it read the
        # variable when the server imported it: the process is given as an argument.
        parent = str(os.getppid())
        os.environ["JPY_PARENT_PID"] = parent
        # As `python -m` runs it: sys.path starts with the working directory (which the
        # launcher takes out), and the launcher is the module __main__.
        sys.path[0] = os.getcwd()
        sys.argv[:] = [sys.argv[0], *arguments, f"--IPKernelApp.parent_handle={parent}"]
        runpy.run_module(LAUNCHER[1], run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(code)
