// A streaming ZIP writer (PKWARE APPNOTE 6.3: local headers, stored entries, central directory), for
// files whose bytes are in hand one at a time: each entry is written as soon as it arrives and only
// its ~60-byte directory record is kept, so a ZIP of thousands of PDFs never sits in memory. Entries
// are stored, not deflated: PDFs are compressed inside already. Names are UTF-8 (flag bit 11). No
// ZIP64: at most 65,535 entries and 4 GiB, which callers cap well below.
import { crc32 } from "node:zlib";

export type ZipEntry = { name: string; bytes: Uint8Array; modified: Date };

const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

export async function* zipStream(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for await (const e of entries) {
    if (++count > MAX_ENTRIES) throw new Error("A ZIP without ZIP64 holds at most 65,535 files");
    const name = Buffer.from(e.name, "utf8");
    const crc = crc32(e.bytes) >>> 0;
    const { time, date } = dosDateTime(e.modified);
    const size = e.bytes.length;
    if (offset + 30 + name.length + size > MAX_OFFSET) throw new Error("A ZIP without ZIP64 holds at most 4 GiB");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(0, 10);
    dir.writeUInt16LE(time, 12);
    dir.writeUInt16LE(date, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(size, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    dir.writeUInt32LE(offset, 42);
    central.push(Buffer.concat([dir, name]));
    yield Buffer.concat([local, name]);
    yield e.bytes;
    offset += 30 + name.length + size;
  }
  const directory = Buffer.concat(central);
  if (offset + directory.length > MAX_OFFSET) throw new Error("A ZIP without ZIP64 holds at most 4 GiB");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield directory;
  yield end;
}

/** A ReadableStream that pulls the generator one chunk at a time (backpressure: nothing is read ahead of the client). */
export function toReadableStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** MS-DOS date and time (local fields of the given instant in IST, the documents' own clock; 2-second resolution). */
function dosDateTime(d: Date): { time: number; date: number } {
  const ist = new Date(d.getTime() + 330 * 60_000);
  const year = Math.max(1980, ist.getUTCFullYear());
  return {
    time: (ist.getUTCHours() << 11) | (ist.getUTCMinutes() << 5) | Math.floor(ist.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((ist.getUTCMonth() + 1) << 5) | ist.getUTCDate(),
  };
}
