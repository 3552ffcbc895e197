// OpenAPI operations of the company's employees.
import type { Operation } from "@/lib/http/openapi-operation";
import { bool, dateTime, nullableDateTime, nullableStr, object, str } from "@/lib/http/openapi-schemas";
import { addEmployeeInput, listEmployeesInput, updateEmployeeInput } from "@/lib/people/people.schemas";

const employeeView = object(
  {
    id: { type: "string", description: "Membership id (use in /employees/{id})" },
    userId: str,
    name: str,
    email: str,
    phone: nullableStr,
    role: { enum: ["OWNER", "ADMIN", "MANAGER", "SALES", "WAREHOUSE", "ACCOUNTANT", "DRIVER"] },
    title: nullableStr,
    active: bool,
    invitePending: { ...bool, description: "No password set yet (the emailed code was not used)" },
    lastLoginAt: nullableDateTime,
    createdAt: dateTime,
  },
  { title: "Employee" },
);

export const peopleOperations: Operation[] = [
  { method: "get", path: "/employees", tag: "Employees", summary: "List employees", auth: true, query: listEmployeesInput.pick({ q: true, role: true, status: true, sort: true, dir: true }), response: { status: 200, description: "A page of employees", schema: employeeView, list: true } },
  { method: "post", path: "/employees", tag: "Employees", summary: "Add an employee (emails them a code to set a password)", auth: true, idempotent: true, body: addEmployeeInput, response: { status: 201, description: "The new employee", schema: employeeView } },
  { method: "patch", path: "/employees/{id}", tag: "Employees", summary: "Change an employee's role, title or active flag", auth: true, body: updateEmployeeInput, response: { status: 200, description: "The employee", schema: employeeView } },
  { method: "delete", path: "/employees/{id}", tag: "Employees", summary: "Deactivate an employee", auth: true, response: { status: 200, description: "The deactivated employee", schema: employeeView } },
];
