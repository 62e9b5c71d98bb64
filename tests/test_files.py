"""Files in and out: special files are refused, outputs are whole or absent and never replace
what they should not, and standard output failures are messages."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import interview_prep as ip
from interview_prep.files.write import atomic_write

from .tools import CLI, invoke, run


def special_files(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(60_000_000)  # sparse: big on paper, nothing on disk
    return {
        "zero": Path("/dev/zero"),
        "urandom": Path("/dev/urandom"),
        "fifo": fifo,
        "huge": huge,
        "folder": tmp_path,
    }


@pytest.mark.parametrize("kind", ["zero", "urandom", "fifo", "huge", "folder"])
@pytest.mark.parametrize(
    "place",
    [
        ("questions", "-f", "nurse", "--bank", "{}"),
        ("batch", "{}", "--out", "{out}"),
        ("script", "-f", "nurse", "-s", "college", "--logo", "{}", "--format", "html"),
        ("script", "-f", "nurse", "-s", "college", "--css", "{}", "--format", "html"),
        ("banks", "lint", "{}"),
    ],
    ids=["bank", "roster", "logo", "css", "lint"],
)
def test_special_files_are_refused_quickly(
    tmp_path: Path, kind: str, place: tuple[str, ...]
) -> None:
    path = special_files(tmp_path)[kind]
    if kind == "folder" and place[0] in ("questions", "banks"):
        pytest.skip("a folder of banks is a valid bank source")
    args = [a.replace("{}", str(path)).replace("{out}", str(tmp_path / "out")) for a in place]
    if "--logo" in args:  # a logo needs an image's name: give the special file one
        image = tmp_path / "logo.png"
        image.symlink_to(path)
        args[args.index(str(path))] = str(image)
    started = time.monotonic()
    result = run(*args)
    assert result.returncode == 2, (args, result.stdout[-300:], result.stderr[-500:])
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 20


def test_a_template_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "script.md.j2")
    result = run("script", "-f", "nurse", "-s", "college", "--templates", str(tmp_path))
    assert result.returncode == 2 and "not a regular file" in result.stderr


@pytest.mark.parametrize("target", ["/dev/null", "/dev/full"])
def test_force_never_replaces_a_device(target: str) -> None:
    before = Path(target).stat()
    code, output = invoke(
        "script", "-f", "nurse", "-s", "college", "-o", target, "--force", "--format", "md"
    )
    assert code == 2 and "not a regular file" in output
    after = Path(target).stat()
    assert (before.st_rdev, before.st_ino) == (after.st_rdev, after.st_ino)


def test_a_fifo_is_never_an_output(tmp_path: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    for force in ([], ["--force"]):
        code, output = invoke("script", "-f", "nurse", "-s", "college", "-o", str(fifo), *force)
        assert code == 2, output
    assert Path(fifo).is_fifo()


def test_two_writers_of_one_new_file_one_wins(tmp_path: Path) -> None:
    target = tmp_path / "sheet.md"
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def write(text: str) -> None:
        barrier.wait()
        try:
            atomic_write(target, text)
            outcomes.append(text)
        except ip.OutputError:
            outcomes.append("refused")

    threads = [threading.Thread(target=write, args=(f"writer {n}\n",)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [o for o in outcomes if o != "refused"]
    assert len(winners) == 1
    assert target.read_text() == winners[0]
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.md"]


def test_two_processes_writing_one_name_only_one_reports_wrote(tmp_path: Path) -> None:
    target = tmp_path / "same.md"
    processes = [
        subprocess.Popen(
            [*CLI, "script", "-f", "nurse", "-s", "college", "-o", str(target)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    reports = [p.communicate(timeout=60)[1] for p in processes]
    assert sum("wrote" in report for report in reports) == 1
    assert sorted(p.returncode for p in processes) == [0, 2, 2]


def test_a_non_utf8_argument_is_a_message(tmp_path: Path) -> None:
    result = subprocess.run(
        [*CLI, "script", "-f", b"nurse\xff".decode("utf-8", "surrogateescape"), "-s", "college"],
        capture_output=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert b"not UTF-8" in result.stderr and b"Traceback" not in result.stderr


def test_a_full_disk_on_stdout_is_a_message() -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [*CLI, "script", "-f", "nurse", "-s", "college"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert "No space left" in result.stderr and "Traceback" not in result.stderr


def test_a_closed_pipe_on_stdout_is_quiet() -> None:
    shell = f"{sys.executable} -m interview_prep questions -f nurse | head -c 10"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    target = atomic_write(tmp_path / "sheet.md", "text")
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_failed_write_leaves_the_old_file_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "prep.md"
    target.write_text("my own notes", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ip.OutputError, match="No space left"):
        atomic_write(target, "new text", force=True)
    assert target.read_text(encoding="utf-8") == "my own notes"
    assert [p.name for p in tmp_path.iterdir()] == ["prep.md"]
