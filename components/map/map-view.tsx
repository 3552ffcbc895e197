"use client";
// A map of points and lines (Leaflet). Tiles come from the configured tile server; with none (tiles
// off, or no network — this machine and CI) the points and lines are drawn on a plain grid, so a
// dispatcher can still read and adjust a plan. Markers are vector dots with a number, coloured per
// group; a draggable marker reports where it was dropped.
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import type * as Leaflet from "leaflet";
import { cn } from "@/lib/cn";

export type MapPoint = {
  id: string;
  lat: number;
  lng: number;
  /** Tooltip and accessible name. */
  label: string;
  color?: string;
  /** Shown inside the dot (stop number). */
  text?: string;
  /** The depot or another fixed place: a square. */
  shape?: "dot" | "square";
  draggable?: boolean;
};

export type MapLine = { id: string; points: [number, number][]; color: string; dashed?: boolean };

export type MapViewProps = {
  points: MapPoint[];
  lines?: MapLine[];
  /** Tile URL template, or null for the plain background. */
  tileUrl: string | null;
  attribution?: string;
  /** Where to look when there are no points. */
  center?: { lat: number; lng: number };
  zoom?: number;
  className?: string;
  /** A draggable point was dropped. */
  onPointDrop?: (id: string, lat: number, lng: number) => void;
  onPointClick?: (id: string) => void;
  onMapClick?: (lat: number, lng: number) => void;
  /** Refit the view when this value changes (e.g. a new plan); points moving by hand keep the view. */
  fitKey?: string;
  ariaLabel: string;
};

/** A transparent pixel for tiles that fail to load (offline): the grid shows through. */
const BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

export function MapView({ points, lines = [], tileUrl, attribution, center, zoom = 12, className, onPointDrop, onPointClick, onMapClick, fitKey, ariaLabel }: MapViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<Leaflet.Map | null>(null);
  const layer = useRef<Leaflet.LayerGroup | null>(null);
  const lib = useRef<typeof Leaflet | null>(null);
  const handlers = useRef({ onPointDrop, onPointClick, onMapClick });
  handlers.current = { onPointDrop, onPointClick, onMapClick };
  const fitted = useRef<string | undefined>(undefined);

  // The map itself: once.
  useEffect(() => {
    let cancelled = false;
    void import("leaflet").then((L) => {
      if (cancelled || !box.current || map.current) return;
      lib.current = L;
      const m = L.map(box.current, { zoomControl: true, attributionControl: !!tileUrl, preferCanvas: false });
      if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19, attribution: attribution ?? "", errorTileUrl: BLANK_TILE, crossOrigin: false }).addTo(m);
      m.setView(center ? [center.lat, center.lng] : [20.5937, 78.9629], center ? zoom : 5);
      m.on("click", (e: Leaflet.LeafletMouseEvent) => handlers.current.onMapClick?.(round6(e.latlng.lat), round6(e.latlng.lng)));
      map.current = m;
      layer.current = L.layerGroup().addTo(m);
      draw();
    });
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
    // The tile server and first view are fixed for the life of the component.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function draw() {
    const L = lib.current;
    const m = map.current;
    const g = layer.current;
    if (!L || !m || !g) return;
    g.clearLayers();
    for (const line of lines) {
      if (line.points.length < 2) continue;
      L.polyline(line.points, { color: line.color, weight: 4, opacity: 0.85, dashArray: line.dashed ? "6 8" : undefined }).addTo(g);
    }
    for (const p of points) {
      const color = p.color ?? "#4f46e5";
      const square = p.shape === "square";
      const icon = L.divIcon({
        className: "",
        iconSize: [26, 26],
        iconAnchor: [13, 13],
        html: `<span style="display:flex;align-items:center;justify-content:center;width:26px;height:26px;border-radius:${square ? "6px" : "9999px"};background:${color};color:#fff;font:600 11px/1 system-ui,sans-serif;border:2px solid #fff;box-shadow:0 1px 3px rgba(0,0,0,.45)">${escapeHtml(p.text ?? "")}</span>`,
      });
      const marker = L.marker([p.lat, p.lng], { icon, draggable: !!p.draggable, title: p.label, alt: p.label, keyboard: true, riseOnHover: true }).addTo(g);
      marker.bindTooltip(escapeHtml(p.label), { direction: "top", offset: [0, -12] });
      marker.on("click", () => handlers.current.onPointClick?.(p.id));
      if (p.draggable) {
        marker.on("dragend", () => {
          const ll = marker.getLatLng();
          handlers.current.onPointDrop?.(p.id, round6(ll.lat), round6(ll.lng));
        });
      }
    }
    const key = fitKey ?? "first";
    if (fitted.current !== key) {
      const all: [number, number][] = [...points.map((p) => [p.lat, p.lng] as [number, number]), ...lines.flatMap((l) => l.points)];
      if (all.length > 1) m.fitBounds(L.latLngBounds(all), { padding: [28, 28], maxZoom: 15 });
      else if (all.length === 1) m.setView(all[0], Math.max(m.getZoom(), 14));
      fitted.current = key;
    }
  }

  // Points and lines: redrawn whenever they change.
  useEffect(draw);

  return (
    <div
      ref={box}
      role="region"
      aria-label={ariaLabel}
      className={cn(
        "relative z-0 h-80 w-full overflow-hidden rounded-lg border border-slate-200",
        // The plain background: a light grid, so a plan reads even with no tiles.
        // (important: Leaflet's own stylesheet sets a grey background on the same element).
        "bg-slate-50! [background-image:linear-gradient(to_right,rgb(226_232_240)_1px,transparent_1px),linear-gradient(to_bottom,rgb(226_232_240)_1px,transparent_1px)]! [background-size:32px_32px]!",
        className,
      )}
    />
  );
}

function round6(v: number) {
  return Math.round(v * 1e6) / 1e6;
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
