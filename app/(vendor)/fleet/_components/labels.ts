import type { VehicleOwnership, VehicleType } from "@/lib/generated/prisma/enums";

export const vehicleTypeLabels: Record<VehicleType, string> = {
  TWO_WHEELER: "Two-wheeler",
  THREE_WHEELER: "Three-wheeler",
  TEMPO: "Tempo / mini truck",
  LCV: "Light commercial (pickup)",
  TRUCK: "Truck",
  CONTAINER: "Container truck",
  OTHER: "Other",
};

export const ownershipLabels: Record<VehicleOwnership, string> = { OWN: "Own vehicle", HIRED: "Hired (transporter)" };
